/**
 * The provider interface version this build of core speaks. A provider declares the version it was
 * written against; core refuses one it does not know instead of failing later in odd ways.
 */
export const SPEC_VERSION = 'roomcast/v1' as const;

/** The literal type of {@link SPEC_VERSION}. */
export type SpecVersion = typeof SPEC_VERSION;
