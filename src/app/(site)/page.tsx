import { redirect } from 'next/navigation'

/** The product is the admin and its APIs; the bare address goes to the admin. */
export default function Home() {
  redirect('/admin')
}
