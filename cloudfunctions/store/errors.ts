/** CloudBase reports a unique-index clash (a duplicate `_id` included) as E11000. */
export const isDuplicateKey = (error: unknown) => /E11000|duplicate key/i.test(String((error as { message?: string })?.message ?? error));
