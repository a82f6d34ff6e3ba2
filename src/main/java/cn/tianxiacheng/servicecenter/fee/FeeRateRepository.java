package cn.tianxiacheng.servicecenter.fee;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface FeeRateRepository extends JpaRepository<FeeRate, Long> {

	List<FeeRate> findByFeeItem(FeeItem feeItem);

}
