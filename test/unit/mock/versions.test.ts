import { describe, expect, test } from 'vitest'
import { DEFAULT_KRATOS_VERSION, VERSIONS, type KratosVersion, type VersionBehaviour } from '../../../src/mock/versions.js'

// Oldest first: a behaviour appears in one version and stays, or goes in one version and stays gone.
const ORDER: KratosVersion[] = ['v1.3.1', 'v25.4.0', 'v26.2.0', 'master']

describe('VERSIONS', () => {
  test('covers every version, the default among them', () => {
    expect(Object.keys(VERSIONS).sort()).toEqual([...ORDER].sort())
    expect(ORDER).toContain(DEFAULT_KRATOS_VERSION)
  })

  test.each(Object.keys(VERSIONS['master']) as Array<keyof VersionBehaviour>)('%s changes at most once from the oldest version to the newest', (flag) => {
    const values = ORDER.map((version) => VERSIONS[version][flag])
    const changes = values.slice(1).filter((value, index) => value !== values[index]).length
    expect(changes).toBeLessThanOrEqual(1)
  })
})
