/** The value below which `fraction` of the sorted samples lie. */
export function quantile(samples: readonly number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN
}

export const median = (samples: readonly number[]) => quantile(samples, 0.5)

/** Runs `call` `count` times, one after another; returns each call's time in µs. */
export async function timeSequential(call: () => Promise<unknown>, count: number): Promise<number[]> {
  const times: number[] = []
  for (let index = 0; index < count; index++) {
    const start = performance.now()
    await call()
    times.push((performance.now() - start) * 1000)
  }
  return times
}

/** Runs `count` calls with `concurrency` in flight at once; returns each call's time in µs. */
export async function timeConcurrent(call: () => Promise<unknown>, count: number, concurrency: number): Promise<number[]> {
  const times: number[] = []
  let started = 0
  const worker = async () => {
    while (started < count) {
      started++
      const start = performance.now()
      await call()
      times.push((performance.now() - start) * 1000)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return times
}
