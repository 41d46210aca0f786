import { readFileSync } from 'node:fs';
import path from 'node:path';

const file = path.resolve(import.meta.dirname, '../../../../../shared/vendor-vectors.json');

// biome-ignore lint/suspicious/noExplicitAny: the vectors file is external JSON read as-is.
export const vectors: any = JSON.parse(readFileSync(file, 'utf8'));
