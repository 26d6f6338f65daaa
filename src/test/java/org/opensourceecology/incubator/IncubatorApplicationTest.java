package org.opensourceecology.incubator;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.datatype.DatatypeFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IncubatorApplicationTest {

    String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
        System.clearProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
        } else {
            System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, before);
        }
    }

    @Test
    void theDatatypeFactoryIsTheOneJaxpFindsWithoutTheProperty() throws Exception {
        Class<?> found = DatatypeFactory.newInstance().getClass();

        IncubatorApplication.nameTheJdksDatatypeFactory();

        assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY)).isEqualTo(found.getName());
        assertThat(DatatypeFactory.newInstance()).isInstanceOf(found);
        assertThat(DatatypeFactory.newInstance().newDuration("P2D").getDays()).isEqualTo(2);
    }

    @Test
    void aFactoryTheJvmWasToldIsKept() {
        System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, "org.example.OtherFactory");

        IncubatorApplication.nameTheJdksDatatypeFactory();

        assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY)).isEqualTo("org.example.OtherFactory");
    }
}
