package io.dbsim.observe;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * The simulator's own load: its CPU (as a share of all cores), the host's CPU, and the heap, so a
 * saturated load generator is never mistaken for a slow database.
 */
public final class HostLoad {

    private static final double MB = 1024.0 * 1024.0;

    private final com.sun.management.OperatingSystemMXBean os;
    private final List<MemoryPoolMXBean> heapPools;
    private final int cores = Runtime.getRuntime().availableProcessors();
    private long lastCpuNanos;
    private long lastWallNanos;

    public HostLoad() {
        this.os = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean sun ? sun : null;
        this.heapPools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        this.lastCpuNanos = processCpuNanos();
        this.lastWallNanos = System.nanoTime();
    }

    /** CPU since the previous sample, and memory now. */
    public Point sample() {
        long cpu = processCpuNanos();
        long wall = System.nanoTime();
        double processPct = cpu < 0 || wall == lastWallNanos ? 0
                : 100.0 * (cpu - lastCpuNanos) / ((double) (wall - lastWallNanos) * cores);
        lastCpuNanos = cpu;
        lastWallNanos = wall;
        double hostPct = os == null ? 0 : Math.max(0, os.getCpuLoad() * 100);
        Runtime rt = Runtime.getRuntime();
        return new Point(Math.max(0, Math.min(100, processPct)), hostPct, (rt.totalMemory() - rt.freeMemory()) / MB,
                heapAfterLastGcMb());
    }

    private long processCpuNanos() {
        return os == null ? -1 : os.getProcessCpuTime();
    }

    /** The live heap as the last collection left it: the figure whose growth over hours means a leak. */
    private double heapAfterLastGcMb() {
        long used = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            MemoryUsage afterGc = pool.getCollectionUsage();
            if (afterGc != null) {
                used += afterGc.getUsed();
            }
        }
        return used / MB;
    }

    /**
     * @param simulatorCpuPct this JVM's CPU over the interval, as a share of all the host's cores
     * @param hostCpuPct      the whole host's CPU (the database's too when it runs on the same host)
     */
    public record Point(double simulatorCpuPct, double hostCpuPct, double heapUsedMb, double heapAfterGcMb) {
    }
}
