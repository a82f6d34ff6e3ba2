package cn.tianxiacheng.servicecenter.system;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.springframework.modulith.NamedInterface;

/**
 * Simple base for every JPA record of the project: a database-generated id.
 */
@MappedSuperclass
@NamedInterface("persistence")
public class BaseEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	public Long getId() {
		return id;
	}

}
