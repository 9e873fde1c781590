import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'

const script = new URL('../../scripts/check-node.cjs', import.meta.url).pathname
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))

/** Runs the check as if this Node were `version`. */
function checkAs(version: string) {
  const code = `Object.defineProperty(process.versions, 'node', { value: ${JSON.stringify(version)} }); require(${JSON.stringify(script)})`
  return spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' })
}

describe('the Node version check before npm test and npm start', () => {
  test('stops an older Node at once with one line naming the version needed and the one found', () => {
    const { status, stdout, stderr } = checkAs('20.19.0')
    expect(status).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toBe('kratos-settings needs Node >=22 to build, test and run its demo; this is Node 20.19.0.\n')
  })

  test.each(['22.0.0', '24.11.1'])('lets Node %s through silently', (version) => {
    expect(checkAs(version)).toMatchObject({ status: 0, stdout: '', stderr: '' })
  })

  test('runs first in pretest and prestart', () => {
    expect(pkg.scripts.pretest).toMatch(/^node scripts\/check-node\.cjs && /)
    expect(pkg.scripts.prestart).toBe('node scripts/check-node.cjs')
  })
})
