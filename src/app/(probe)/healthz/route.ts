// The trivial Next route handler: the baseline hot routes are benchmarked against (GET /livez is
// the same answer from node:http). Its own route group, so no layout of the admin or the site.
export const dynamic = 'force-dynamic'

export function GET(): Response {
  return Response.json({ ok: true })
}
