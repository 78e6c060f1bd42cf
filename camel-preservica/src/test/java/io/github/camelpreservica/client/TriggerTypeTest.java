package io.github.camelpreservica.client;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TriggerTypeTest {

    @Test
    void mapsEveryTriggerToItsWireValue() {
        assertEquals("MOVED", TriggerType.MOVED.wireValue());
        assertEquals("FULL_TEXT_INDEXED", TriggerType.INDEXED.wireValue());
        assertEquals("CHANGED_SECURITY_DESCRIPTOR", TriggerType.SECURITY_CHANGED.wireValue());
        assertEquals("INGEST_FAILED", TriggerType.INGEST_FAILED.wireValue());
        assertEquals("CHANGE_ASSET_VISIBILITY", TriggerType.CHANGE_ASSET_VISIBILITY.wireValue());
    }

    @Test
    void acceptsNameOrWireValueInAnyCaseWithBlanksAround() {
        assertEquals(TriggerType.INDEXED, TriggerType.fromString("INDEXED"));
        assertEquals(TriggerType.INDEXED, TriggerType.fromString(" full_text_indexed "));
        assertEquals(TriggerType.SECURITY_CHANGED, TriggerType.fromString("changed_security_descriptor"));
        assertEquals(TriggerType.SECURITY_CHANGED, TriggerType.fromString("Security_Changed"));
    }

    @Test
    void namesTheUnknownValueAndListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TriggerType.fromString("DELETED"));
        assertEquals("Unknown Preservica trigger 'DELETED': valid values are MOVED, INDEXED (FULL_TEXT_INDEXED), "
                + "SECURITY_CHANGED (CHANGED_SECURITY_DESCRIPTOR), INGEST_FAILED, CHANGE_ASSET_VISIBILITY",
                e.getMessage());
    }

    @Test
    void parsesCommaSeparatedListInOrder() {
        assertEquals(List.of(TriggerType.INDEXED, TriggerType.MOVED), TriggerType.parseList("INDEXED, MOVED"));
        assertEquals(List.of(TriggerType.INGEST_FAILED), TriggerType.parseList("ingest_failed"));
    }

    @Test
    void rejectsEmptyList() {
        assertThrows(IllegalArgumentException.class, () -> TriggerType.parseList(""));
        assertThrows(IllegalArgumentException.class, () -> TriggerType.parseList(" "));
        assertThrows(IllegalArgumentException.class, () -> TriggerType.parseList(null));
    }

    @Test
    void rejectsEmptyEntryInList() {
        assertThrows(IllegalArgumentException.class, () -> TriggerType.parseList("MOVED,,INDEXED"));
        assertThrows(IllegalArgumentException.class, () -> TriggerType.parseList("MOVED,"));
    }

    @Test
    void rejectsTriggerNamedTwiceEvenInBothForms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TriggerType.parseList("INDEXED, FULL_TEXT_INDEXED"));
        assertTrue(e.getMessage().contains("INDEXED appears twice"), e.getMessage());
    }

    @Test
    void subscriptionToleratesUnknownWireValue() {
        Subscription known = new Subscription("a", "http://x", "FULL_TEXT_INDEXED", null);
        Subscription unknown = new Subscription("b", "http://x", "SOMETHING_NEW", null);
        assertEquals(TriggerType.INDEXED, known.trigger().orElseThrow());
        assertTrue(unknown.trigger().isEmpty());
    }

    @Test
    void entityTypeAcceptsCodesAndFriendlyNames() {
        assertEquals(EntityType.IO, EntityType.fromString("asset"));
        assertEquals(EntityType.IO, EntityType.fromString("io"));
        assertEquals(EntityType.SO, EntityType.fromString("Folder"));
        assertEquals(EntityType.SO, EntityType.fromString("SO"));
        assertThrows(IllegalArgumentException.class, () -> EntityType.fromString("CO"));
    }

    @Test
    void thumbnailSizeUsesLowercaseWireValues() {
        assertEquals("medium", ThumbnailSize.MEDIUM.wireValue());
        assertEquals(ThumbnailSize.LARGE, ThumbnailSize.fromString("Large"));
        assertThrows(IllegalArgumentException.class, () -> ThumbnailSize.fromString("huge"));
    }
}
