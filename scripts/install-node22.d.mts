/** The Node version the runtime conformance suite runs as the oldest supported. */
export declare const NODE22_VERSION: string
/** The path of its `node` binary, once `node scripts/install-node22.mjs` has installed it. */
export declare const NODE22: string
