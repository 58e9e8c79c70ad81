import * as z from 'zod/mini';
import { cleanLine, cleanLines, cleanText, personName } from './typed';

/**
 * How a typed text field reads: `person`, a person's name (`personName`); `name`, a place's name
 * or a job title, cleaned as the registry import cleans a cell (`cleanText`: NFKC, one line);
 * `line`, words on one line (a notice's title: `cleanLine`); `lines`, words over several lines (an
 * appeal, a reply, a reason, a notice's body: `cleanLines`, line breaks kept).
 */
export type TextShape = 'person' | 'name' | 'line' | 'lines';

const CLEAN: Record<TextShape, (value: string) => string> = { person: personName, name: cleanText, line: cleanLine, lines: cleanLines };

/**
 * The schema of every text field people type: cleaned by its shape, then refused in Chinese when
 * nothing visible is left (`请填写{what}`, unless `min` is 0: then it is '' — nothing written),
 * when shorter than `min` (`{what}至少 N 个字`) or longer than `max` (`{what}不能超过 N 个字`).
 * Lengths count UTF-16 units after cleaning, as the app's character counters do.
 */
export function typedText(what: string, max: number, { shape = 'lines', min = 1 }: { shape?: TextShape; min?: number } = {}) {
  return z.string().check(
    z.overwrite(CLEAN[shape]),
    ...(min > 0 ? [z.minLength(1, { error: `请填写${what}` })] : []),
    ...(min > 1 ? [z.minLength(min, { error: `${what}至少 ${min} 个字` })] : []),
    z.maxLength(max, { error: `${what}不能超过 ${max} 个字` }),
  );
}
