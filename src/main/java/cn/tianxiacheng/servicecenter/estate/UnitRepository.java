package cn.tianxiacheng.servicecenter.estate;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface UnitRepository extends JpaRepository<Unit, Long> {

	/**
	 * Units of a building (all when {@code building} is null) whose number or one of whose
	 * owners' names contains {@code q} (all when null).
	 */
	@Query("""
			select u from Unit u join u.building b
			where (:building is null or b.number = :building)
			  and (:q is null
			       or u.number like concat('%', :q, '%')
			       or exists (select o.id from Owner o where o.unit = u and o.name like concat('%', :q, '%')))
			""")
	Page<Unit> search(@Param("building") Integer building, @Param("q") String q, Pageable pageable);

	Optional<Unit> findByNumber(String number);

}
