package cn.tianxiacheng.servicecenter.system;

import java.util.List;

import org.springframework.modulith.NamedInterface;

/** The estates there are, oldest first; kept by the estate module, read here to know who works where. */
@NamedInterface("security")
public interface EstateDirectory {

	List<EstateRef> all();

}
