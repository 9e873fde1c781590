/** The system's Chromium (Debian's by default, `CHROMIUM_PATH` for another), which the tests use instead of downloading a browser. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium'

/** Flags for a headless Chromium as root, on a machine without outside network. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
