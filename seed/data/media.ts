// Sample images, drawn as SVG and rendered to PNG by sharp so no binary files live in the repo.
export type DemoImage = {
  filename: string
  alt: { zh: string; en: string }
  width: number
  height: number
  svg: string
}

const badge = (filename: string, colour: string, label: string, alt: DemoImage['alt']) => ({
  filename,
  alt,
  width: 512,
  height: 512,
  svg: `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512">
  <circle cx="256" cy="256" r="240" fill="${colour}" stroke="#1f2937" stroke-width="12"/>
  <text x="256" y="300" font-size="140" font-family="sans-serif" font-weight="bold"
    text-anchor="middle" fill="#111827">${label}</text></svg>`,
})

export const demoImages: readonly DemoImage[] = [
  badge('badge-silver.png', '#d1d5db', 'Ag', { zh: '白银会员徽章', en: 'Silver member badge' }),
  badge('badge-gold.png', '#fbbf24', 'Au', { zh: '黄金会员徽章', en: 'Gold member badge' }),
  badge('badge-diamond.png', '#93c5fd', 'Dia', { zh: '钻石会员徽章', en: 'Diamond member badge' }),
  badge('badge-honorary.png', '#c4b5fd', 'Hon', {
    zh: '荣誉会员徽章',
    en: 'Honorary member badge',
  }),
  {
    filename: 'course-cover-sample.png',
    alt: { zh: '课程封面示例：书本与笔记本电脑', en: 'Sample course cover: books and a laptop' },
    width: 1600,
    height: 900,
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900">
  <rect width="1600" height="900" fill="#0f766e"/>
  <rect x="300" y="250" width="600" height="400" rx="24" fill="#f8fafc"/>
  <rect x="950" y="300" width="350" height="300" fill="#fde68a"/>
  <text x="800" y="160" font-size="96" font-family="sans-serif" text-anchor="middle"
    fill="#f8fafc">Course</text></svg>`,
  },
]
