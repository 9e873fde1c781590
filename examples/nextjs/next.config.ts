import type { NextConfig } from 'next'

const config: NextConfig = {
  // The repository's lockfile sits two levels up (npm workspaces), so Turbopack takes the repository
  // as its root and follows node_modules/kratos-settings to the package's built output.
  poweredByHeader: false,
}

export default config
