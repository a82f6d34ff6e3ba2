package cn.tianxiacheng.servicecenter.fee;

import jakarta.validation.constraints.NotBlank;

/** A 冲正 of a payment or a bill on a unit's account: its reason is required. */
record ReversalForm(@NotBlank(message = "请填写原因") String reason) {
}
