package cn.tianxiacheng.servicecenter.decoration;

/** A violation was recorded for the decoration: after the commit, its rectification opens. */
record ViolationReported(String decorationNumber, long violationId) {
}
