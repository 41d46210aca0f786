import pkg from '../package.json' with { type: 'json' };

/** Provider id of this package, in errors, hooks, quota scopes and `extensions`. */
export const PROVIDER_ID = 'zego-rtc';
/** Package name and version, for the User-Agent. */
export const PACKAGE_NAME: string = pkg.name;
export const PACKAGE_VERSION: string = pkg.version;
