package cn.tianxiacheng.servicecenter.repairplan;

/** Engineering's 登记施工进度 on a plan's page: the percent done and what was done. */
record ProgressForm(Integer percent, String note) {
}
