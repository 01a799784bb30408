// The agency portal's paged lists (首页检察建议分页, 全部文书, 全部听证).
export const agencyHome = {
  "agencyHome.stat.replied": "已回复的检察建议",
  "agencyHome.recommendationsOrder": "待回复的排在前面，按回复期限先后；已回复的在后，按送达日期由近及远。",
  "agencyHome.latestDocuments": "最近送达的 {count} 件",
  "agencyHome.allDocuments": "查看全部文书",
  "agencyHome.latestHearings": "最近的 {count} 场",
  "agencyHome.allHearings": "查看全部听证",
  "agencyHome.documents.title": "全部文书",
  "agencyHome.documents.subtitle": "送达本单位的其他法律文书和向本单位发布的文书，最近的在前。",
  "agencyHome.hearings.title": "本单位参加的全部听证",
  "agencyHome.hearings.subtitle": "本单位参加的听证会，时间最近的在前。",
  "agencyHome.back": "返回收到的文书",
} as const;
