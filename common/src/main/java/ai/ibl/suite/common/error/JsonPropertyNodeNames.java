package ai.ibl.suite.common.error;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import jakarta.inject.Singleton;
import org.hibernate.validator.spi.nodenameprovider.JavaBeanProperty;
import org.hibernate.validator.spi.nodenameprovider.Property;
import org.hibernate.validator.spi.nodenameprovider.PropertyNodeNameProvider;

/**
 * Names invalid fields as the caller wrote them ({@code user_id}), not as the Java record
 * component is called ({@code userId}), so a violation points at the JSON the caller sent.
 */
@Singleton
public class JsonPropertyNodeNames implements PropertyNodeNameProvider {
  private final ObjectMapper mapper;

  public JsonPropertyNodeNames(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public String getName(Property property) {
    if (property instanceof JavaBeanProperty bean) {
      JavaType type = mapper.constructType(bean.getDeclaringClass());
      BeanDescription description = mapper.getSerializationConfig().introspect(type);
      return description.findProperties().stream()
          .filter(p -> p.getInternalName().equals(property.getName()))
          .map(BeanPropertyDefinition::getName)
          .findFirst()
          .orElse(property.getName());
    }
    return property.getName();
  }
}
