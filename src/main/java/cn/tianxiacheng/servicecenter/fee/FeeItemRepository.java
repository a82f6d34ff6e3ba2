package cn.tianxiacheng.servicecenter.fee;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface FeeItemRepository extends JpaRepository<FeeItem, Long> {

	Optional<FeeItem> findByEstateIdAndCode(Long estateId, String code);

	List<FeeItem> findByEstateIdOrderById(Long estateId);

}
