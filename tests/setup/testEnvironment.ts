// Runs in each test worker before the test file is imported, so payload.config.ts sees these.
import path from 'node:path'

import { inject } from 'vitest'

const scratch = inject('scratchDirectory')
process.env.DATABASE_URI = inject('databaseUri')
process.env.PAYLOAD_SECRET = 'membership-admin-test-secret'
process.env.MEDIA_DIR = path.join(scratch, 'media')
process.env.EMAIL_OUTBOX_DIR = path.join(scratch, 'outbox')
delete process.env.SMTP_URL
