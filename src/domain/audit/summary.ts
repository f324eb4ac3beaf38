// The one-line title of an audit entry, shown in the audit-log list.
import type { FieldChange } from './diff'

const listedFields = 6

/**
 * `update users “ops@edu.example”: roles, password (changed)`: the action, the document and,
 * for an update, the top-level fields that changed (a secret with what happened to it).
 */
export function auditSummary(entry: {
  action: string
  target: string
  title: string
  changes: readonly FieldChange[]
}): string {
  const head = `${entry.action} ${entry.target} “${entry.title}”`
  if (entry.action === 'create' || entry.action === 'delete') return head
  const fields = [
    ...new Set(
      entry.changes.map((change) =>
        change.secret ? `${change.path} (${change.secret})` : change.path.split('.')[0] || '—',
      ),
    ),
  ]
  if (fields.length === 0) return head
  const shown = fields.slice(0, listedFields).join(', ')
  return `${head}: ${shown}${fields.length > listedFields ? ` +${fields.length - listedFields}` : ''}`
}
