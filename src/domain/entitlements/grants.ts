// What a support grant must be: a value that fits its benefit (as on tiers), that gives something,
// in a window that ends after it starts.
import type { BenefitDefinition, BenefitValue, Finding } from '../catalogue/types'
import { grantsNothing, valueFindings } from '../catalogue/values'

export function grantFindings(input: {
  benefit: BenefitDefinition
  value: BenefitValue
  startsAt: Date
  endsAt: Date
}): Finding[] {
  const { benefit, value } = input
  const fits = valueFindings({
    benefit,
    value,
    path: 'grant',
    tierName: { zh: '赠送', en: 'The grant' },
  }).map((finding) => ({ ...finding, path: finding.path.replace(/^grant\./, '') }))
  if (fits.length) return fits
  const findings: Finding[] = []
  if (grantsNothing(benefit.shape, value)) {
    findings.push({
      code: 'value-out-of-range',
      path: 'amount',
      message: {
        zh: `赠送的“${benefit.name.zh}”没有给出任何权益：请填写与该权益类型对应的值。`,
        en: `The grant of "${benefit.name.en}" gives nothing: fill the value for this kind of benefit.`,
      },
    })
  }
  if (!(input.endsAt > input.startsAt)) {
    findings.push({
      code: 'value-out-of-range',
      path: 'endsAt',
      message: { zh: '结束时间必须晚于开始时间。', en: 'The end must be after the start.' },
    })
  }
  return findings
}
