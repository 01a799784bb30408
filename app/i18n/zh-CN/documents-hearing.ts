// Documents generated from a hearing or a recommendation (issue 10): why one cannot be made yet.
export const documentsHearing = {
  "documentsHearing.error.recommendationNotApproved": "检察建议尚未经批准编号，不能制作检察建议书或送达回证。",
  "documentsHearing.error.recommendationNoAgency": "该案件未确定被建议的行政机关，不能制作检察建议书。",
  "documentsHearing.error.hearingNotPublic": "不公开听证不发布听证公告。",
  "documentsHearing.error.hearingCancelled": "听证已取消，不能制作该文书。",
  "documentsHearing.error.hearingNotStarted": "听证尚未开始，还不能制作听证笔录。",
  "documentsHearing.error.participantIsObserver": "旁听人员不是听证参加人，不制作听证通知书。",
  "documentsHearing.error.seatRecused": "该听证员已回避，不制作其听证文书。",
} as const;
