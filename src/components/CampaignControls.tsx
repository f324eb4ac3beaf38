'use client'
// Campaign editor sidebar: pause, resume and end without typing a date, and keep the schedule's
// date pickers in the campaign's time zone when the zone is changed in the form. Publishing saves
// the change; the publish check allows these on a live campaign (docs/rules.md rule 15).
import { Button, useForm, useFormFields, useTranslation } from '@payloadcms/ui'
import { useEffect } from 'react'

const scheduleDates = ['startsAt', 'endsAt', 'pausedAt', 'endedAt'] as const

const words = {
  title: { zh: '暂停与结束', en: 'Pause and end' },
  pause: { zh: '立即暂停', en: 'Pause now' },
  resume: { zh: '恢复', en: 'Resume' },
  end: { zh: '立即结束', en: 'End now' },
  ended: { zh: '活动已手动结束，不能撤销。', en: 'Ended by hand; this cannot be undone.' },
  publish: {
    zh: '点击后请“发布更改”使其生效。',
    en: 'Then publish the change for it to take effect.',
  },
}

export function CampaignControls() {
  const { i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'zh'
  const { dispatchFields, setModified } = useForm()
  const timeZone = useFormFields(([fields]) => fields['schedule.timeZone']?.value)
  const zones = useFormFields(([fields]) =>
    scheduleDates.map((name) => fields[`schedule.${name}_tz`]?.value),
  )
  const pausedAt = useFormFields(([fields]) => fields['schedule.pausedAt']?.value)
  const endedAt = useFormFields(([fields]) => fields['schedule.endedAt']?.value)

  const zoneKey = zones.join('|')
  useEffect(() => {
    if (typeof timeZone !== 'string' || !timeZone) return
    scheduleDates.forEach((name, index) => {
      if (zones[index] !== timeZone) {
        dispatchFields({ type: 'UPDATE', path: `schedule.${name}_tz`, value: timeZone })
      }
    })
    // zoneKey stands for the zones array, which is a new array on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [timeZone, zoneKey, dispatchFields])

  const set = (path: string, value: string | null) => {
    dispatchFields({ type: 'UPDATE', path, value })
    setModified(true)
  }
  const now = () => new Date().toISOString()

  return (
    <div className="field-type" style={{ marginBottom: '1.5rem' }}>
      <strong>{words.title[language]}</strong>
      {endedAt ? (
        <p>{words.ended[language]}</p>
      ) : (
        <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
          {pausedAt ? (
            <Button
              buttonStyle="secondary"
              size="small"
              onClick={() => set('schedule.pausedAt', null)}
            >
              {words.resume[language]}
            </Button>
          ) : (
            <Button
              buttonStyle="secondary"
              size="small"
              onClick={() => set('schedule.pausedAt', now())}
            >
              {words.pause[language]}
            </Button>
          )}
          <Button
            buttonStyle="secondary"
            size="small"
            onClick={() => set('schedule.endedAt', now())}
          >
            {words.end[language]}
          </Button>
        </div>
      )}
      <p style={{ opacity: 0.7 }}>{words.publish[language]}</p>
    </div>
  )
}
