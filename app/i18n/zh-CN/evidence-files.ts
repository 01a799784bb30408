// Evidence files: the integrity check of an item's files ("verify") and of the whole store
// (npm run evidence:verify, shown on the admin overview).
export const evidenceFiles = {
  "evidenceFiles.verify.button": "校验文件完整性",
  "evidenceFiles.verify.running": "正在校验…",
  "evidenceFiles.verify.hint": "重新计算该证据每个文件的 SHA-256，与上传时登记的值比对，并记入保管链。",
  "evidenceFiles.verify.none": "该证据没有文件，无需校验。",
  "evidenceFiles.verify.allOk": "{count} 个文件均与登记的 SHA-256 一致。",
  "evidenceFiles.verify.problems": "发现问题：{mismatched} 个文件内容与登记不一致，{missing} 个文件缺失。",
  "evidenceFiles.verify.check.ok": "一致",
  "evidenceFiles.verify.check.mismatch": "内容不一致",
  "evidenceFiles.verify.check.missing": "文件缺失",
  "evidenceFiles.store.title": "证据文件完整性校验",
  "evidenceFiles.store.never": "尚未运行全库校验。请在服务器上运行 npm run evidence:verify。",
  "evidenceFiles.store.lastRun": "最近一次全库校验",
  "evidenceFiles.store.files": "已校验文件",
  "evidenceFiles.store.bytes": "读取数据量",
  "evidenceFiles.store.problems": "问题",
  "evidenceFiles.store.problemCounts": "不一致 {mismatched} · 缺失 {missing} · 孤立文件 {orphans}（已清理 {removed}）",
  "evidenceFiles.store.ok": "全部一致",
  "evidenceFiles.store.failed": "有问题",
} as const;
