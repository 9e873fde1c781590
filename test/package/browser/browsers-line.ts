import type { TestProject } from 'vitest/node'
import { browsersLine, chromiumForTests } from '../../helpers/chromium.js'

/** Prints, once per run, which Chromium the browser tests and the Next.js test use. */
export default async function setup(project: TestProject): Promise<void> {
  project.vitest.logger.log(await browsersLine(await chromiumForTests()))
}
