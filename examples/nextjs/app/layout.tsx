import type { ReactNode } from 'react'

export const metadata = { title: 'kratos-settings example' }

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', maxWidth: '36rem', margin: '2rem auto', padding: '0 1rem' }}>
        <style>{'label { display: block; margin: 0.5rem 0 } form { margin: 1rem 0; padding-top: 0.5rem; border-top: 1px solid #ddd }'}</style>
        {children}
      </body>
    </html>
  )
}
