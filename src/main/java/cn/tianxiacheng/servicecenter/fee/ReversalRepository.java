package cn.tianxiacheng.servicecenter.fee;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ReversalRepository extends JpaRepository<Reversal, Long> {

	boolean existsByBillId(Long billId);

	boolean existsByPaymentId(Long paymentId);

}
