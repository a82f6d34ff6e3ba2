package cn.tianxiacheng.servicecenter.fee;

/** Published when the ledger of a unit changed in its favour: a payment, or a bill reversed. */
public record PaymentTaken(long unitId) {
}
