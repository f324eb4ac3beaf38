import type { FieldHook } from 'payload'

/**
 * A schedule date's hidden `<name>_tz` (the zone Payload's date picker shows it in) is always the
 * campaign's `schedule.timeZone`, so every date of a campaign is shown and entered in its zone.
 */
export const followCampaignTimeZone: FieldHook = ({ originalDoc, siblingData, value }) => {
  const zone = siblingData?.timeZone ?? originalDoc?.schedule?.timeZone
  return typeof zone === 'string' && zone ? zone : value
}
