package cn.tianxiacheng.servicecenter.fee;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PaymentAllocationRepository extends JpaRepository<PaymentAllocation, Long> {

	List<PaymentAllocation> findByPaymentId(Long paymentId);

}
