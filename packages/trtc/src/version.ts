/** Package identity for the `User-Agent` core's HTTP client sends. Kept in step with package.json. */
export const PACKAGE_NAME = '@roomcast/trtc';
export const PACKAGE_VERSION = '0.1.0';

/** The provider id: the key of `extensions`, the `provider` of every error. */
export const PROVIDER_ID = 'trtc';
