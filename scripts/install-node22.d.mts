/** The path of Node 22.0.0's `node` binary, once `node scripts/install-node22.mjs` has installed it. */
export declare const NODE22: string
