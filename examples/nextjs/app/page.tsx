import Link from 'next/link'

export default function Home() {
  return (
    <main>
      <h1>kratos-settings example</h1>
      <Link href="/settings">Account settings</Link>
    </main>
  )
}
