import pkg from '../package.json' with { type: 'json' };

/** This package's name and version, for the `User-Agent` ZEGO sees. */
export const PACKAGE_NAME: string = pkg.name;
export const PACKAGE_VERSION: string = pkg.version;
