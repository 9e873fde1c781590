// The API reports in etc/: every public name of each entry point and its signature, as API
// Extractor sees the built declarations. `--update` rewrites them after a deliberate change;
// without it (CI) any difference fails, so each public change is a reviewed diff.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor'

const root = fileURLToPath(new URL('..', import.meta.url))
const update = process.argv.includes('--update')
const entries = { 'kratos-settings': 'index', 'kratos-settings-cookies': 'cookies', 'kratos-settings-mock': 'mock', 'kratos-settings-msw': 'msw' }
const temp = mkdtempSync(join(tmpdir(), 'api-report-'))

let failed = false
for (const [report, entry] of Object.entries(entries)) {
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder: root,
      mainEntryPointFilePath: join(root, 'dist', `${entry}.d.ts`),
      compiler: { tsconfigFilePath: join(root, 'tsconfig.json') },
      apiReport: { enabled: true, reportFileName: report, reportFolder: join(root, 'etc'), reportTempFolder: temp },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        // Every type a public signature names must be exported, so that users can name it too.
        extractorMessageReporting: { 'ae-forgotten-export': { logLevel: 'error', addToApiReportFile: false } },
      },
    },
    configObjectFullPath: join(root, 'api-extractor.json'),
    packageJsonFullPath: join(root, 'package.json'),
  })
  const result = Extractor.invoke(config, {
    localBuild: update,
    messageCallback: (message) => {
      if (message.logLevel === 'verbose' || message.logLevel === 'info') message.handled = true
    },
  })
  if (!result.succeeded || (!update && result.apiReportChanged)) {
    failed = true
    console.error(`etc/${report}.api.md: the public API differs from the report; review it, then run npm run api:update`)
  }
  // Every public name and member has a doc comment, but the OpenAPI document's generated types.
  const text = readFileSync(join(root, 'etc', `${report}.api.md`), 'utf8')
    .replaceAll('\r\n', '\n')
    .replace(/^(?:\/\/ @public \(undocumented\)\n)?export interface KratosComponents \{[\s\S]*?^\}$/m, '')
  const undocumented = text.split('\n').flatMap((line, index, lines) => (line.includes('(undocumented)') ? [lines[index + 1].trim()] : []))
  if (undocumented.length > 0) {
    failed = true
    console.error(`etc/${report}.api.md: no doc comment on ${undocumented.join('; ')}`)
  }
}
rmSync(temp, { recursive: true, force: true })
process.exit(failed ? 1 : 0)
