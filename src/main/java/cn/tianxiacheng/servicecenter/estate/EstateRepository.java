package cn.tianxiacheng.servicecenter.estate;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface EstateRepository extends JpaRepository<Estate, Long> {

	Optional<Estate> findByName(String name);

	Optional<Estate> findByCode(String code);

	Optional<Estate> findFirstByOrderByIdAsc();

	/** The estate of the unit: its code leads the numbers of the unit's records. */
	@Query("select b.estate from Unit u join u.building b where u.id = :unitId")
	Optional<Estate> findByUnitId(long unitId);

}
