package cn.tianxiacheng.servicecenter.estate;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface EstateRepository extends JpaRepository<Estate, Long> {

	Optional<Estate> findByName(String name);

	Optional<Estate> findFirstByOrderByIdAsc();

}
