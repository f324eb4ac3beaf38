// docs/rules.md rule 6: an archived tier names a successor its members move to: another tier,
// published and not archived, not ranked below it; ladder tiers never hand members to an honorary one.
import { describe, expect, it } from 'vitest'

import {
  successorFindings,
  type SuccessorCandidate,
  type SuccessorSubject,
} from '../../../src/domain/catalogue/successor'

const gold: SuccessorSubject = {
  id: 't-gold',
  name: { zh: '黄金', en: 'Gold' },
  rank: 2,
  kind: 'paid',
}
const live = (overrides: Partial<SuccessorCandidate>): SuccessorCandidate => ({
  id: 't-diamond',
  name: { zh: '钻石', en: 'Diamond' },
  rank: 3,
  kind: 'paid',
  published: true,
  archived: false,
  ...overrides,
})

const check = (successor: SuccessorCandidate | null, subject = gold, id = successor?.id ?? null) =>
  successorFindings({ subject, successorId: id, successor })

describe('successorFindings', () => {
  it('accepts a live tier ranked above, or at the same rank (a replacement)', () => {
    expect(check(live({}))).toEqual([])
    expect(check(live({ id: 't-gold-2026', rank: 2 }))).toEqual([])
  })

  it.each<[string, SuccessorCandidate | null, string | null, string]>([
    [
      'no successor',
      null,
      null,
      'Before archiving Gold, choose the tier its members move to when their period ends.',
    ],
    ['itself', null, 't-gold', 'Gold cannot be its own successor'],
    [
      'a deleted tier',
      null,
      't-gone',
      'The tier Gold hands its members to (t-gone) does not exist or was deleted.',
    ],
    [
      'an archived tier',
      live({ archived: true }),
      't-diamond',
      'Diamond is archived too and takes no members.',
    ],
    [
      'a tier never published',
      live({ published: false }),
      't-diamond',
      'Diamond is not published yet',
    ],
    [
      'a lower tier',
      live({ id: 't-silver', name: { zh: '白银', en: 'Silver' }, rank: 1 }),
      't-silver',
      'Silver (rank 1) ranks below Gold (rank 2): paying members would be downgraded.',
    ],
    [
      'an honorary tier',
      live({ kind: 'honorary', rank: 100 }),
      't-diamond',
      'Diamond is an honorary tier',
    ],
  ])('refuses %s at successorTier', (_name, successor, id, en) => {
    const findings = check(successor, gold, id)
    expect(findings.map((finding) => `${finding.code} @ ${finding.path}`)).toEqual([
      'successor-invalid @ successorTier',
    ])
    expect(findings[0]?.message.en).toContain(en)
    expect(findings[0]?.message.zh).toMatch(/\p{Script=Han}.*。$/u)
  })

  it('lets an archived honorary tier hand its holders to any other live tier', () => {
    const honorary: SuccessorSubject = {
      id: 't-honorary',
      name: { zh: '荣誉', en: 'Honorary' },
      rank: 100,
      kind: 'honorary',
    }
    expect(check(live({ rank: 1 }), honorary)).toEqual([])
    expect(check(live({ kind: 'honorary', rank: 101 }), honorary)).toEqual([])
    expect(check(null, honorary, 't-honorary')[0]?.message.zh).toContain('不能把自己设为')
  })
})
