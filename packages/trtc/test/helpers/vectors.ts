import { readFileSync } from 'node:fs';
import path from 'node:path';

/** One UserSig vector from ../shared/vendor-vectors.json. */
export interface UserSigCase {
  sdkappid: number;
  key: string;
  identifier: string;
  expire: number;
  time: number;
  string_to_sign: string;
  hmac_sha256_base64: string;
  decoded_json: string;
  expected_usersig: string;
}

interface Variant {
  identifier: string;
  python_lib_style: { usersig: string };
  go_lib_style_approx: { usersig: string };
}

const file = path.resolve(import.meta.dirname, '../../../../../shared/vendor-vectors.json');
const vectors = JSON.parse(readFileSync(file, 'utf8')) as {
  tencent_usersig: { cases: UserSigCase[]; cross_implementation_variants: Variant[] };
};

export const userSigCases = vectors.tencent_usersig.cases;
export const crossImplementationVariants = vectors.tencent_usersig.cross_implementation_variants;
