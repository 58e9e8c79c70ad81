/** One id per thing the person means to create (an appeal, a notice), kept across retries of it. */
export function newRequestId(): string {
  let r = '';
  for (let i = 0; i < 16; i++) r += Math.floor(Math.random() * 36).toString(36);
  return `${Date.now().toString(36)}-${r}`;
}
