import { refuseChangesAfterCreate } from '../shared/refuseChangesAfterCreate'

/** A tier version is what members paid for: it is recorded once and never changed or deleted. */
export const refuseImmutableChanges = refuseChangesAfterCreate({
  zh: '等级版本不可修改或删除；请修改等级本身并重新发布。',
  en: 'Tier versions cannot be changed or deleted; edit the tier and publish it again.',
})
