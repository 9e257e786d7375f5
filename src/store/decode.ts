/**
 * Text of a progress file → current-version data. A byte-order mark is read
 * past; entries no command could use are left out and counted; a file cut
 * short (a disk that filled up, an older awsquiz killed mid-write on a
 * filesystem without atomic rename) is read up to the cut, so the card states
 * and answers before it still count.
 */
import { UserError } from '../errors.js';
import { dropDamaged, isRecord, MIGRATIONS, type ProgressData, SCHEMA_VERSION } from './schema.js';

/** The file is not progress data at all (or not any more). */
export class Corrupt extends Error {}

export interface Decoded {
  data: ProgressData;
  /** Entries left out as damaged. */
  damaged: number;
  /** The generation of review log (journal.ts) this snapshot goes with; 0 when it has none. */
  generation: number;
}

const BOM = '\uFEFF';

/** Text → data; throws Corrupt, or a UserError for a file from a newer awsquiz. */
export function decode(text: string, path: string): Decoded {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.startsWith(BOM) ? text.slice(1) : text);
  } catch {
    throw new Corrupt('not JSON');
  }
  return fromParsed(parsed, path, false);
}

function fromParsed(parsed: unknown, path: string, partial: boolean): Decoded {
  if (!isRecord(parsed)) throw new Corrupt('not an object');
  let data = parsed;
  let version = data.schemaVersion === undefined ? 0 : data.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new Corrupt('bad schemaVersion');
  }
  if (version > SCHEMA_VERSION) {
    throw new UserError(
      { key: 'store.newer', params: { path, version, supported: SCHEMA_VERSION } },
      1,
    );
  }
  while (version < SCHEMA_VERSION) {
    const migrate = MIGRATIONS[version];
    if (!migrate) throw new Corrupt(`no migration from ${version}`);
    data = migrate(data);
    version += 1;
  }
  if (partial) {
    // The cut may have come before the later parts of the file.
    data.cards ??= {};
    data.log ??= [];
    data.exams ??= [];
  }
  if (!isRecord(data.cards) || !Array.isArray(data.log) || !Array.isArray(data.exams)) {
    throw new Corrupt('wrong shape');
  }
  // Added in place of a version bump, so an older awsquiz still reads the file:
  // absent is none suspended; a wrong shape is one damaged entry.
  let damaged = 0;
  if (data.suspended === undefined) {
    data.suspended = {};
  } else if (!isRecord(data.suspended)) {
    data.suspended = {};
    damaged += 1;
  }
  const generation =
    Number.isSafeInteger(data.logGeneration) && (data.logGeneration as number) >= 0
      ? (data.logGeneration as number)
      : 0;
  delete data.logGeneration;
  const progress = data as unknown as ProgressData;
  return { data: progress, damaged: damaged + dropDamaged(progress), generation };
}

/** Deeper than any progress file goes: such text is not ours, and not worth a repair. */
const MAX_DEPTH = 32;

/**
 * The longest prefix of JSON text that ends after a whole value inside its
 * containers, with those containers closed: `{"log":[[1],[2` → `{"log":[[1]]}`.
 * One pass, linear in the text. Undefined when there is no such prefix or the
 * text is whole already (then JSON.parse has said what is wrong with it).
 */
export function closeTruncated(text: string): string | undefined {
  const closers: string[] = [];
  /** Per open object: is a key expected next (not a value)? */
  const keyNext: boolean[] = [];
  let cut = -1;
  let cutClosers = '';
  const mark = (at: number): void => {
    cut = at;
    cutClosers = closers.slice().reverse().join('');
  };
  const n = text.length;
  let i = text.startsWith(BOM) ? 1 : 0;
  while (i < n) {
    const c = text[i] as string;
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t') {
      i += 1;
    } else if (c === '{' || c === '[') {
      closers.push(c === '{' ? '}' : ']');
      keyNext.push(c === '{');
      if (closers.length > MAX_DEPTH) return undefined;
      i += 1;
      mark(i);
    } else if (c === '}' || c === ']') {
      if (closers.pop() !== c) return undefined;
      keyNext.pop();
      i += 1;
      if (closers.length === 0) return undefined;
      mark(i);
    } else if (c === ',') {
      if (closers.at(-1) === '}') keyNext[keyNext.length - 1] = true;
      i += 1;
    } else if (c === ':') {
      keyNext[keyNext.length - 1] = false;
      i += 1;
    } else if (c === '"') {
      let end = text.indexOf('"', i + 1);
      for (;;) {
        if (end === -1) break;
        let slashes = 0;
        while (text[end - 1 - slashes] === '\\') slashes += 1;
        if (slashes % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      if (end === -1) break;
      const isKey = closers.at(-1) === '}' && keyNext.at(-1) === true;
      i = end + 1;
      if (!isKey && closers.length > 0) mark(i);
    } else {
      let end = i;
      while (end < n && /[-+.0-9a-zA-Z]/.test(text[end] as string)) end += 1;
      // A number at the very end may have lost digits.
      if (end === n || end === i) break;
      i = end;
      if (closers.length > 0) mark(i);
    }
  }
  return cut === -1 ? undefined : text.slice(0, cut) + cutClosers;
}

/** What could be read of a file cut short, or undefined if nothing could. */
export function salvageTruncated(text: string, path: string): Decoded | undefined {
  const closed = closeTruncated(text);
  if (closed === undefined) return undefined;
  try {
    return fromParsed(JSON.parse(closed.startsWith(BOM) ? closed.slice(1) : closed), path, true);
  } catch (error) {
    if (error instanceof Corrupt || error instanceof SyntaxError) return undefined;
    throw error;
  }
}
