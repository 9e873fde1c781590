import type { ReactNode } from 'react'

export const metadata = { title: 'Account settings' }

/** The root layout Next.js requires; each field on a line of its own. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <style>{'body { font-family: system-ui; max-width: 36rem; margin: 2rem auto } label { display: block; margin: 0.5rem 0 }'}</style>
        {children}
      </body>
    </html>
  )
}
