import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { browsersLine, CHROMIUM_ARGS, mergeArgs, selectChromium, type ChromiumCandidates } from '../helpers/chromium.js'

// The selection with a fake machine: which files are executable, and a packaged Chromium that counts its extractions.
function machine(executables: string[], env: Record<string, string | undefined> = {}) {
  const extractions: string[] = []
  const candidates: ChromiumCandidates = {
    env,
    systemPaths: ['/usr/bin/chromium'],
    isExecutable: (path) => executables.includes(path),
    packaged: async () => {
      extractions.push('extracted')
      return { executablePath: '/tmp/chromium', args: ['--no-zygote', '--disable-web-security', '--no-sandbox', "--headless='shell'"], env: { LD_LIBRARY_PATH: '/tmp/al2023/lib' } }
    },
  }
  return { candidates, extractions }
}

describe('selectChromium', () => {
  test('CHROMIUM_PATH first, even with a system Chromium, and nothing extracted', async () => {
    const { candidates, extractions } = machine(['/opt/chrome/chrome', '/usr/bin/chromium'], { CHROMIUM_PATH: '/opt/chrome/chrome' })
    expect(await selectChromium(candidates)).toEqual({ launchOptions: { executablePath: '/opt/chrome/chrome', args: CHROMIUM_ARGS }, source: 'CHROMIUM_PATH=/opt/chrome/chrome' })
    expect(extractions).toEqual([])
  })

  test('a CHROMIUM_PATH that is not an executable file fails, naming it, instead of falling back', async () => {
    const { candidates, extractions } = machine(['/usr/bin/chromium'], { CHROMIUM_PATH: '/opt/missing' })
    await expect(selectChromium(candidates)).rejects.toThrow(/CHROMIUM_PATH is \/opt\/missing, which is not an executable file/)
    expect(extractions).toEqual([])
  })

  test('an empty CHROMIUM_PATH counts as unset', async () => {
    const { candidates } = machine(['/usr/bin/chromium'], { CHROMIUM_PATH: '' })
    expect(await selectChromium(candidates)).toMatchObject({ launchOptions: { executablePath: '/usr/bin/chromium' }, source: '/usr/bin/chromium' })
  })

  test('then the first executable system path, with our flags', async () => {
    const { candidates, extractions } = machine(['/usr/bin/chromium'])
    expect(await selectChromium(candidates)).toEqual({ launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS }, source: '/usr/bin/chromium' })
    expect(extractions).toEqual([])
  })

  test('without either, the packaged Chromium, extracted once per selection, with its own libraries when it needs them', async () => {
    const { candidates, extractions } = machine([])
    const selected = await selectChromium(candidates)
    expect(selected).toMatchObject({ launchOptions: { executablePath: '/tmp/chromium', env: { LD_LIBRARY_PATH: '/tmp/al2023/lib' } }, source: '@sparticuz/chromium, no system Chromium' })
    expect(selected.launchOptions.args).toEqual(expect.arrayContaining(['--no-zygote', "--headless='shell'", ...CHROMIUM_ARGS]))
    expect(selected.launchOptions.args).not.toContain('--disable-web-security')
    expect(extractions).toEqual(['extracted'])
  })

  test('a system path that exists but is not executable is skipped', async () => {
    const { candidates } = machine(['/usr/local/bin/chromium'])
    expect(await selectChromium({ ...candidates, systemPaths: ['/usr/bin/chromium', '/usr/local/bin/chromium'] })).toMatchObject({ launchOptions: { executablePath: '/usr/local/bin/chromium' } })
  })
})

describe('mergeArgs', () => {
  test("keeps the package's flags but those that switch off web security or make one process of all, and adds ours once", () => {
    const merged = mergeArgs(['--single-process', '--disable-web-security', '--allow-running-insecure-content', '--no-sandbox', '--no-zygote', '--disable-features=site-per-process'])
    expect(merged).not.toContain('--disable-web-security')
    expect(merged).not.toContain('--allow-running-insecure-content')
    expect(merged).not.toContain('--single-process')
    expect(merged.filter((flag) => flag === '--no-sandbox')).toHaveLength(1)
    expect(merged).toEqual(expect.arrayContaining(['--no-zygote', '--disable-features=site-per-process', ...CHROMIUM_ARGS]))
  })
})

describe('browsersLine', () => {
  test("reads the major version from the binary's --version, run with the launch's environment", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fake-chromium-'))
    try {
      const binary = join(dir, 'chromium')
      await writeFile(binary, '#!/bin/sh\necho "Chromium $FAKE_MAJOR.0.8010.0"\n', { mode: 0o755 })
      const selected = { launchOptions: { executablePath: binary, args: [], env: { FAKE_MAJOR: '153' } }, source: '@sparticuz/chromium, no system Chromium' }
      expect(await browsersLine(selected)).toBe('browsers: Chromium 153 (@sparticuz/chromium, no system Chromium)')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  test('says the source even when the version cannot be read', async () => {
    const line = await browsersLine({ launchOptions: { executablePath: '/nonexistent/chromium', args: [] }, source: '/nonexistent/chromium' })
    expect(line).toBe('browsers: Chromium, version unknown (/nonexistent/chromium)')
  })
})
