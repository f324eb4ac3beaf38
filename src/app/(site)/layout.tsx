import type React from 'react'

export const metadata = { title: '会员中心 Membership admin' }

export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh">
      <body>{children}</body>
    </html>
  )
}
